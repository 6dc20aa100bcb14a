import { byAnswer } from '@palabre/testing';
import { c3vocAcronym, escapeXml, sixDigitColour } from './c3voc-schedule';
import { slugText, uuidV5 } from './program-links';

describe('c3voc values', () => {
  it.each([
    ['JOBCLUSTER', 'jobcluster'],
    ['forum-job-cluster', 'forum_job_cluster'],
    ['AB', 'ab_event'],
    ['x', 'x_event'],
  ])('acronym %s → %s', (input, expected) => {
    const out = c3vocAcronym(input);
    expect(out).toBe(expected);
    // The JSON schema's pattern and the XSD's.
    expect(out).toMatch(/^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/);
    expect(out).toMatch(/^[a-z0-9_-]{4,}$/);
  });

  it.each(byAnswer({ '#0b6e4f': ['#0b6e4f'], '#aabbcc': ['#ABC', 'abc', '#aabbccdd'] }))('colour %s → %s', (input, expected) => {
    expect(sixDigitColour(input)).toBe(expected);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\u0001`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeXml('Dayɛlɛli 🌍')).toBe('Dayɛlɛli 🌍');
  });

  it('makes slugs of any text', () => {
    expect(slugText("L'emploi des jeunes — Mali 2030 !")).toBe('l-emploi-des-jeunes-mali-2030');
    expect(slugText('دورة')).toBe('');
  });

  it('derives the same name-based UUID from the same name (RFC 4122 v5)', () => {
    // The RFC's own example: uuid5(NAMESPACE_DNS, "www.example.com").
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('palabre:x')).toBe(uuidV5('palabre:x'));
    expect(uuidV5('palabre:x')).not.toBe(uuidV5('palabre:y'));
  });
});
