import { HttpStatus } from '@nestjs/common';

/** For @Redirect() handlers: Post/Redirect/Get with 303 See Other. */
export function seeOther(url: string): { url: string; statusCode: number } {
  return { url, statusCode: HttpStatus.SEE_OTHER };
}
