import type { EventView, RegistrationAvailability, RoomView, TrackView } from '@palabre/events';

/** The public face of an event. */
export function toEventResponse(e: EventView, registration?: RegistrationAvailability) {
  return {
    slug: e.slug,
    acronym: e.acronym,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    venue: { name: e.venueName, address: e.venueAddress },
    colour: e.colour,
    status: e.status,
    ...(registration
      ? {
          registration: {
            open: registration.open,
            capacity: registration.capacity,
            remaining: registration.remaining,
            opensAt: e.registrationOpensAt?.toISOString() ?? null,
            closesAt: e.registrationClosesAt?.toISOString() ?? null,
            confirmEmail: e.confirmEmail,
            questions: e.questions,
            consentText: e.consentText,
          },
        }
      : {}),
  };
}

/** What organizers see: every setting, including the registration ones the form uses. */
export function toOrganizerEventResponse(e: EventView) {
  return {
    ...toEventResponse(e),
    id: e.id,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    registrationSettings: {
      opensAt: e.registrationOpensAt?.toISOString() ?? null,
      closesAt: e.registrationClosesAt?.toISOString() ?? null,
      capacity: e.capacity,
      confirmEmail: e.confirmEmail,
      holdHours: e.holdHours,
      questions: e.questions,
      consentText: e.consentText,
    },
  };
}

export function toRoomResponse(r: RoomView) {
  return { id: r.id, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackResponse(t: TrackView) {
  return { id: t.id, name: t.name, colour: t.colour, position: t.position };
}
