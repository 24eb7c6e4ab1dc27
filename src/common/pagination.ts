import { IsOptional, IsString, Matches } from 'class-validator';

export const PAGE_SIZE = 25;

/** The query of a list with nothing to filter: only the page number. */
export class PageQueryDto {
  @IsOptional() @IsString() @Matches(/^\d*$/) page?: string;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface PageView {
  page: number;
  pages: number;
  total: number;
  from: number;
  to: number;
  previousHref: string | null;
  nextHref: string | null;
}

/** Far beyond any list Keeper shows, and small enough that the offset stays an integer for both databases. */
export const MAX_PAGE = 100_000;

export function pageRequest(page: unknown, perPage = PAGE_SIZE): PageRequest {
  const number = Number(page);
  return { page: Number.isInteger(number) && number > 0 ? Math.min(number, MAX_PAGE) : 1, perPage };
}

/** The pagination bar under a list; keeps the list's other query parameters in the links. */
export function pageView(
  request: PageRequest,
  total: number,
  basePath: string,
  query: Record<string, string | undefined> = {},
): PageView {
  const pages = Math.max(1, Math.ceil(total / request.perPage));
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return {
    page: request.page,
    pages,
    total,
    from: total === 0 ? 0 : (request.page - 1) * request.perPage + 1,
    to: Math.min(total, request.page * request.perPage),
    previousHref: request.page > 1 ? href(request.page - 1) : null,
    nextHref: request.page < pages ? href(request.page + 1) : null,
  };
}
