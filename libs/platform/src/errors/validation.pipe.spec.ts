import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { createValidationPipe, PlatformValidationPipe } from './validation.pipe';
import { PlatformError } from './platform-errors';

class ListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}

class TokenQuery {
  @IsString()
  token: string;
}

const query = (metatype: new () => object) => ({ type: 'query' as const, metatype, data: undefined });

describe('the global validation pipe', () => {
  it('answers an empty query with an empty DTO, checking it once per DTO', async () => {
    const pipe = createValidationPipe() as PlatformValidationPipe;
    // ValidationPipe runs class-validator through its protected validate().
    const validate = jest.spyOn(pipe as unknown as { validate: (...a: unknown[]) => unknown }, 'validate');
    const first = await pipe.transform({}, query(ListQuery));
    const second = await pipe.transform(Object.create(null), query(ListQuery));
    expect(first).toBeInstanceOf(ListQuery);
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual({});
    expect(validate).toHaveBeenCalledTimes(1);
    validate.mockRestore();
  });

  it('still validates a query that has fields', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(ListQuery));
    await expect(pipe.transform({ page: '2' }, query(ListQuery))).resolves.toEqual({ page: 2 });
    await expect(pipe.transform({ page: '0' }, query(ListQuery))).rejects.toBeInstanceOf(PlatformError);
    await expect(pipe.transform({ other: '1' }, query(ListQuery))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps refusing an empty query where a field is required, with its field named', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({}, query(TokenQuery))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'token' })],
      });
    }
  });

  it('leaves bodies alone: an empty body is validated every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({}, { type: 'body', metatype: TokenQuery, data: undefined })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
