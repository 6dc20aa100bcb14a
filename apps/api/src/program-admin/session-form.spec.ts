import { createEventBody, eventFormValues, updateEventBody } from './event-form';
import { newSessionFormValues, sessionBody, sessionFormField, sessionFormValues } from './session-form';

describe('the session form', () => {
  const typed = {
    titleFr: ' Panel emploi ',
    titleEn: '',
    type: 'panel',
    status: 'confirmed',
    day: '2030-06-10',
    start: '09:00',
    end: '10:30',
    roomId: 'r1',
    trackId: '',
    language: 'FR',
    capacity: '',
    'people.0.speakerId': 'a',
    'people.0.role': 'moderator',
    'people.1.speakerId': '',
    'people.1.role': 'speaker',
    'people.2.speakerId': 'b',
    'people.2.role': 'panelist',
  };

  it('reads local times in the event’s zone and leaves blank people rows out, remembering which row each person came from', () => {
    const parsed = sessionBody(sessionFormValues(typed), { timeZone: 'Europe/Paris' }, undefined);
    expect(parsed.errors).toEqual([]);
    expect(parsed.body).toMatchObject({
      title: { fr: 'Panel emploi' },
      startsAt: '2030-06-10T07:00:00.000Z',
      endsAt: '2030-06-10T08:30:00.000Z',
      roomId: 'r1',
      trackId: undefined,
      language: 'fr',
      capacity: undefined,
      people: [
        { speakerId: 'a', role: 'moderator' },
        { speakerId: 'b', role: 'panelist' },
      ],
    });
    expect(parsed.rows).toEqual([0, 2]);
    // A conflict on the second person (people.1) is shown on the form's third row.
    expect(sessionFormField('people.1.speakerId', parsed.rows)).toBe('people.2.speakerId');
    expect(['title', 'title.fr', 'startsAt', 'endsAt', 'roomId', 'abstract'].map((f) => sessionFormField(f, parsed.rows))).toEqual([
      'titleFr',
      'titleFr',
      'start',
      'end',
      'roomId',
      'abstractFr',
    ]);
  });

  it('clears room, track and capacity with null when editing', () => {
    const parsed = sessionBody(sessionFormValues({ ...typed, roomId: '', capacity: '' }), { timeZone: 'Africa/Bamako' }, null);
    expect(parsed.body).toMatchObject({ roomId: null, trackId: null, capacity: null });
  });

  it('names a time that is not one, by the DTO’s field', () => {
    const parsed = sessionBody(sessionFormValues({ ...typed, start: '9h', end: '25:00' }), { timeZone: 'Africa/Bamako' }, undefined);
    expect(parsed.errors.map((e) => e.field)).toEqual(['startsAt', 'endsAt']);
    expect(parsed.body.startsAt).toBeUndefined();
  });

  it('keeps a capacity that is not a number as typed, for the DTO to refuse', () => {
    expect(sessionBody(sessionFormValues({ ...typed, capacity: 'trente' }), { timeZone: 'Africa/Bamako' }, undefined).body.capacity).toBe('trente');
    expect(sessionBody(sessionFormValues({ ...typed, capacity: '30' }), { timeZone: 'Africa/Bamako' }, undefined).body.capacity).toBe(30);
  });

  it('places a new session where the grid was clicked, for an hour', () => {
    expect(newSessionFormValues({ day: '2030-06-10', start: '14:15', roomId: 'r2' })).toMatchObject({
      day: '2030-06-10',
      start: '14:15',
      end: '15:15',
      roomId: 'r2',
    });
    expect(newSessionFormValues({ day: '2030-06-10', start: 'midi' })).toMatchObject({ start: '09:00', end: '10:00' });
    expect(newSessionFormValues({ day: '2030-06-10', start: '23:30' })).toMatchObject({ end: '23:59' });
  });
});

describe('the event forms', () => {
  it('reads datetime-local inputs in the zone typed beside them', () => {
    const created = createEventBody(
      eventFormValues({
        slug: 'Forum-2030',
        titleFr: 'Forum',
        titleEn: 'Forum EN',
        timeZone: 'Europe/Paris',
        startsAt: '2030-06-10T09:00',
        endsAt: '2030-06-11T18:00',
      }),
    );
    expect(created).toEqual({
      body: {
        slug: 'forum-2030',
        title: { fr: 'Forum', en: 'Forum EN' },
        timeZone: 'Europe/Paris',
        startsAt: '2030-06-10T07:00:00.000Z',
        endsAt: '2030-06-11T16:00:00.000Z',
      },
      errors: [],
    });
  });

  it('sends every setting, empty optional ones as null, and names unreadable dates', () => {
    const update = updateEventBody(
      eventFormValues({
        titleFr: 'Forum',
        timeZone: 'Africa/Bamako',
        startsAt: '2030-06-10T08:00',
        endsAt: 'bientôt',
        registrationOpensAt: '',
        registrationClosesAt: '2030-06-01T23:59',
        capacity: '',
        holdHours: '24',
      }),
    );
    expect(update.body).toMatchObject({
      registrationOpensAt: null,
      registrationClosesAt: '2030-06-01T23:59:00.000Z',
      capacity: null,
      holdHours: 24,
      confirmEmail: false,
    });
    expect(update.errors.map((e) => e.field)).toEqual(['endsAt']);
  });
});
