import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralizes a cell a spreadsheet would run: %j', (value) => {
    expect(csvCell(value).replace(/^"|"$/g, '')).toBe(`'${value}`);
  });

  it('leaves other text as typed, quoting commas, quotes and line breaks', () => {
    expect(csvCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(csvCell('Bamako, Mali')).toBe('"Bamako, Mali"');
    expect(csvCell('a "b"\nc')).toBe('"a ""b""\nc"');
    expect(csvLine(['=x', 2, null, true])).toBe("'=x,2,,true\r\n");
  });
});
