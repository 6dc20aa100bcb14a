import { pickFields } from './pick-fields';

describe('pickFields', () => {
  it('copies only the named fields, null and undefined values included', () => {
    const source = { id: 'a', secret: 's', note: null, at: undefined };
    expect(pickFields(source, ['id', 'note', 'at'])).toStrictEqual({ id: 'a', note: null, at: undefined });
  });

  it('leaves the source untouched', () => {
    const source = { id: 'a', secret: 's' };
    pickFields(source, ['id']);
    expect(source).toEqual({ id: 'a', secret: 's' });
  });
});
