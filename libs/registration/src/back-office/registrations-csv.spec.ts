import { csvCell, csvLine } from './registrations-csv';

describe('CSV cells', () => {
  it.each([
    ['plain', 'Awa Traoré', 'Awa Traoré'],
    ['a formula', '=1+1', "'=1+1"],
    ['a plus', '+22376000000', "'+22376000000"],
    ['a minus', '-1', "'-1"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab first', '\tx', "'\tx"],
    ['a carriage return first', '\rx', `"'\rx"`],
    ['a comma', 'Bamako, Mali', '"Bamako, Mali"'],
    ['quotes', 'dit "oui"', '"dit ""oui"""'],
    ['a formula with quotes and commas', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a line break', 'a\nb', '"a\nb"'],
    ['an inner equals sign', 'a=b', 'a=b'],
  ])('%s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes empty cells for nothing, numbers as they are, and ends lines with CRLF', () => {
    expect(csvLine(['a', null, undefined, 3, -2, true])).toBe("a,,,3,'-2,true\r\n");
  });
});
