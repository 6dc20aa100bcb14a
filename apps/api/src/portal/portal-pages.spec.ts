import { byAnswer } from '@palabre/testing';
import { profileFormValues } from './portal-pages.controller';
import { profileFormField } from './portal-pages';

describe('the profile form', () => {
  it('reads link rows and ticked languages, one or several, leaving empty rows out', () => {
    expect(
      profileFormValues({
        name: 'Awa',
        linkUrl0: ' https://a.example ',
        linkTitle0: 'Site',
        linkUrl1: '',
        linkTitle1: '',
        linkUrl2: '',
        linkTitle2: 'Titre sans adresse',
        languages: ['fr', 'bm'],
      }),
    ).toMatchObject({
      name: 'Awa',
      links: [
        { url: 'https://a.example', title: 'Site' },
        { url: '', title: 'Titre sans adresse' },
      ],
      languages: ['fr', 'bm'],
    });
    expect(profileFormValues({ languages: 'en' }).languages).toEqual(['en']);
    expect(profileFormValues({}).languages).toEqual([]);
  });

  it.each(
    byAnswer({
      bioFr: ['bio', 'bio.fr'],
      bioEn: ['bio.en'],
      linkUrl2: ['links.2.url'],
      linkTitle0: ['links.0.title'],
      linkUrl1: ['links.1'],
      languages: ['languages.0'],
      name: ['name'],
    }),
  )('shows the error of %s beside %s', (dtoField, formField) => {
    expect(profileFormField(dtoField)).toBe(formField);
  });
});
