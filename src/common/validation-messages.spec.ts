import { ArrayMaxSize, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { validateForm } from './validation.js';

class Example {
  @IsString()
  @MaxLength(10000)
  description!: string;

  @IsString()
  @MinLength(3)
  title!: string;

  @IsInt()
  @Min(1)
  @Max(12)
  months!: number;

  @IsIn(['a', 'b'])
  choice!: string;

  @IsString({ each: true })
  @ArrayMaxSize(3)
  tags!: string[];

  @IsString()
  @MaxLength(5, { message: 'Keep the code short' })
  code!: string;
}

const errorsFor = async (body: Record<string, unknown>) => (await validateForm(Example, body)).errors;
const valid = { description: 'x', title: 'abc', months: 6, choice: 'a', tags: [], code: 'ab' };

describe('validation messages', () => {
  it('replaces class-validator’s own messages, which name the code’s property, with sentences', async () => {
    expect(await errorsFor({ ...valid, description: 'x'.repeat(10001) })).toEqual({
      description: ['Keep this to 10,000 characters or fewer'],
    });
    expect(await errorsFor({ ...valid, title: 'ab' })).toEqual({ title: ['Write at least 3 characters'] });
    expect(await errorsFor({ ...valid, months: 1.5 })).toEqual({ months: ['Enter a whole number'] });
    expect(await errorsFor({ ...valid, months: 13 })).toEqual({ months: ['Enter 12 or less'] });
    expect(await errorsFor({ ...valid, months: 0 })).toEqual({ months: ['Enter 1 or more'] });
    expect(await errorsFor({ ...valid, choice: 'z' })).toEqual({ choice: ['Choose one from the list'] });
    expect(await errorsFor({ ...valid, tags: ['a', 'b', 'c', 'd'] })).toEqual({ tags: ['Choose at most 3'] });
    expect(await errorsFor({ ...valid, tags: [1] })).toEqual({ tags: ['Enter text here'] });
    expect(await errorsFor({ ...valid, extra: 'x' })).toEqual({
      extra: ['This form has no such field; reload the page and try again'],
    });
  });

  it('keeps the messages written in the DTO', async () => {
    expect(await errorsFor({ ...valid, code: 'abcdef' })).toEqual({ code: ['Keep the code short'] });
  });
});
