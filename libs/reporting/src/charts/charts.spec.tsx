import { renderFragment } from '@palabre/platform';
import { BarChart, CHART_WIDTH, LineChart } from './charts';

const attr = (svg: string, tag: string, name: string) => [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('SVG bar chart', () => {
  const bars = (values: (number | string)[], extra: Partial<Parameters<typeof BarChart>[0]> = {}) =>
    renderFragment(
      <BarChart
        id="genre"
        title="Par genre"
        description="Confirmées et présentes par genre"
        labels={values.map((_, i) => `Ligne ${i}`)}
        series={[{ name: 'Confirmées', values }]}
        {...extra}
      />,
    );

  it('is an image labelled by its own title and description', () => {
    const svg = bars([3, 6]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="genre-title genre-desc"');
    expect(svg).toContain('<title id="genre-title">Par genre</title>');
    expect(svg).toContain('<desc id="genre-desc">Confirmées et présentes par genre</desc>');
    expect(svg).not.toMatch(/\sstyle=|<script/);
  });

  it('draws bars in proportion, the largest across the room left for its number', () => {
    const widths = attr(bars([10, 5, 0]), 'rect', 'width').map(Number);
    expect(widths).toEqual([CHART_WIDTH - 76, (CHART_WIDTH - 76) / 2]); // no bar for zero
  });

  it('writes each value beside its bar and in the bar’s title, formatted', () => {
    const svg = bars([0.5, 0.25], { format: (n) => `${n * 100} %` });
    expect(svg).toContain('<title>Ligne 0 — Confirmées : 50 %</title>');
    expect(svg).toContain('>25 %</text>');
  });

  it('draws no bar for a withheld value and writes its text instead', () => {
    const svg = bars([12, '< 5']);
    expect(attr(svg, 'rect', 'width')).toHaveLength(1);
    expect(svg).toContain('<title>Ligne 1 — Confirmées : &lt; 5</title>');
  });

  it('scales to a given maximum (a rate out of 1)', () => {
    expect(attr(bars([0.5], { max: 1 }), 'rect', 'width').map(Number)).toEqual([(CHART_WIDTH - 76) / 2]);
  });

  it('gives two series a legend and one bar each per row', () => {
    const svg = renderFragment(
      <BarChart
        id="c"
        title="t"
        description="d"
        labels={['Femme', 'Homme']}
        series={[
          { name: 'Confirmées', values: [8, 6] },
          { name: 'Présentes', values: [4, 3] },
        ]}
      />,
    );
    expect(svg).toContain('>Présentes</text>');
    expect(attr(svg, 'rect', 'width')).toHaveLength(2 + 4); // the legend's two swatches and four bars
  });

  it('escapes the labels it is given', () => {
    const svg = bars([1], { labels: ['<script>alert(1)</script>'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script>');
  });
});

describe('SVG line chart', () => {
  const line = (values: number[]) =>
    renderFragment(
      <LineChart
        id="jours"
        title="Inscriptions cumulées"
        description="d"
        empty="Aucune inscription"
        points={values.map((value, i) => ({ label: `2030-06-0${i + 1}`, value }))}
      />,
    );

  it('runs from the bottom left to the top right as the count grows, a titled point per day', () => {
    const svg = line([0, 5, 10]);
    const points = attr(svg, 'polyline', 'points')[0].split(' ');
    expect(points).toEqual(['56,180', '340,98', '624,16']);
    expect(svg).toContain('<title>2030-06-02 : 5</title>');
    expect(svg).toContain('>2030-06-01</text>');
    expect(svg).toContain('>2030-06-03</text>');
    expect(svg).toContain('>10</text>');
  });

  it('says so when there is nothing to draw', () => {
    const svg = line([]);
    expect(svg).toContain('>Aucune inscription</text>');
    expect(svg).not.toContain('<polyline');
  });

  it('draws one day as a single point, without a line', () => {
    const svg = line([4]);
    expect(svg).not.toContain('<polyline');
    expect(attr(svg, 'circle', 'cx')).toEqual(['340']);
  });
});
