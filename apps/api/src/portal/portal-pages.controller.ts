import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, RateLimit, FieldError, PlatformError } from '@palabre/platform';
import { OwnProfile, OwnProfileService, UpdateOwnProfileDto } from '@palabre/speakers';
import { AdminContext, adminContext, formProblem, seeOther, sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { FormFields } from '../common/form-fields';
import { validForm } from '../program-admin/form-check';
import { field, FormBody, localized, withFormFields } from '../program-admin/form-values';
import { photoBytes, PHOTO_LIMITS } from './photo-body';
import { portalPath } from './portal-layout';
import { Notice } from '../common/notice';
import {
  PortalNotice,
  profileFormField,
  ProfileFormValues,
  profileFormFromView,
  publicSpeakersPage,
  renderEventChooser,
  renderNoProfile,
  renderPortalHome,
  renderProfilePage,
} from './portal-pages';

const NOTICES: PortalNotice[] = ['saved', 'photo'];
const MAX_LINKS = 10;

/**
 * The speakers' space, `/intervenant` (French first, `?lang=en`): their event (or a choice
 * of events), their profile with a preview of the public card, their photo. Everything is
 * found from the signed-in account: a speaker reaches no one else's profile.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('intervenant')
export class PortalPagesController {
  constructor(private readonly profiles: OwnProfileService) {}

  @Get()
  @Authenticated()
  async home(@CurrentActor() actor: Actor, @Query('evenement') chosen: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = adminContext(req, reply, actor);
    const all = await this.profiles.list(actor.userId);
    if (all.length === 0) return sendAdminHtml(reply, renderNoProfile(ctx), ctx.locale);
    const slug = typeof chosen === 'string' && chosen ? chosen : undefined;
    if (!slug && all.length > 1) return sendAdminHtml(reply, renderEventChooser(ctx, all), ctx.locale);
    const profile = slug ? all.find((p) => p.event.slug === slug) : all[0];
    if (!profile) throw new PlatformError('NOT_FOUND');
    sendAdminHtml(reply, renderPortalHome(ctx, { profile, chosen: all.length > 1 ? slug : undefined, publicPage: publicSpeakersPage(profile) }), ctx.locale);
  }

  @Get('profil')
  @Authenticated()
  async profile(
    @CurrentActor() actor: Actor,
    @Query('evenement') chosen: unknown,
    @Notice(NOTICES) notice: PortalNotice | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = adminContext(req, reply, actor);
    const found = await this.choose(actor, chosen, reply);
    if (!found) return;
    sendAdminHtml(reply, renderProfilePage(ctx, { ...found, values: profileFormFromView(found.profile), notice }), ctx.locale);
  }

  /** « Enregistrer » saves and comes back (303); « Prévisualiser » shows the card as typed and saves nothing. */
  @Post('profil')
  @Authenticated()
  async saveProfile(@CurrentActor() actor: Actor, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.choose(actor, body.evenement, reply);
    if (!found) return;
    const ctx = adminContext(req, reply, actor, portalPath('/intervenant/profil', found.chosen));
    const values = profileFormValues(body);
    const preview = field(body, 'action') === 'preview';
    try {
      const dto = await validForm(UpdateOwnProfileDto, profileBody(values));
      if (preview) return sendAdminHtml(reply, renderProfilePage(ctx, { ...found, values, preview: true }), ctx.locale);
      await this.profiles.update(actor.userId, found.profile.event.slug, dto);
      seeOther(reply, withDone(portalPath('/intervenant/profil', found.chosen), 'saved'));
    } catch (error) {
      const problem = withFormFields(formProblem(error, ctx.locale), profileFormField);
      sendAdminHtml(reply, renderProfilePage(ctx, { ...found, values, problem }), ctx.locale, problem.status);
    }
  }

  /** The photo form (multipart, no JavaScript needed): 303 back to the profile, or the profile with the refusal beside the photo. */
  @Post('photo')
  @Authenticated()
  @RateLimit(...PHOTO_LIMITS)
  async photo(@CurrentActor() actor: Actor, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.choose(actor, body.evenement, reply);
    if (!found) return;
    const ctx: AdminContext = adminContext(req, reply, actor, portalPath('/intervenant/profil', found.chosen));
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        await this.profiles.setPhoto(actor.userId, found.profile.event.slug, photoBytes(req.body));
        return withDone(portalPath('/intervenant/profil', found.chosen), 'photo');
      },
      (photoProblem) => renderProfilePage(ctx, { ...found, values: profileFormFromView(found.profile), photoProblem }),
    );
  }

  /**
   * The profile the page is about: the one named by `evenement`, else the only one. With
   * several and none named, the browser goes to the choice of events; with none, to the home
   * that says so. `chosen` is kept only for a speaker of several events (their links carry it).
   */
  private async choose(actor: Actor, chosen: unknown, reply: FastifyReply): Promise<{ profile: OwnProfile; chosen?: string } | null> {
    const all = await this.profiles.list(actor.userId);
    const slug = typeof chosen === 'string' && chosen ? chosen : undefined;
    if (all.length === 0 || (!slug && all.length > 1)) {
      seeOther(reply, '/intervenant');
      return null;
    }
    const profile = slug ? all.find((p) => p.event.slug === slug) : all[0];
    if (!profile) throw new PlatformError('NOT_FOUND');
    return { profile, chosen: all.length > 1 ? profile.event.slug : undefined };
  }
}

const withDone = (path: string, done: PortalNotice) => `${path}${path.includes('?') ? '&' : '?'}done=${done}`;

/** The form as typed: link rows `linkUrlN`/`linkTitleN`, ticked `languages` (one value or several). */
export function profileFormValues(body: FormBody): ProfileFormValues {
  const links = Array.from({ length: MAX_LINKS }, (_, i) => ({ url: field(body, `linkUrl${i}`).trim(), title: field(body, `linkTitle${i}`).trim() })).filter(
    (l) => l.url || l.title,
  );
  const ticked = body.languages;
  const languages = (Array.isArray(ticked) ? ticked : [ticked]).filter((l): l is string => typeof l === 'string' && l !== '');
  return {
    name: field(body, 'name'),
    title: field(body, 'title'),
    organization: field(body, 'organization'),
    bioFr: field(body, 'bioFr'),
    bioEn: field(body, 'bioEn'),
    links,
    languages,
  };
}

/** The PATCH body the form stands for; a title without an address is named on its row. */
function profileBody(values: ProfileFormValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors = values.links.flatMap((l, i): FieldError[] =>
    l.url ? [] : [{ field: `linkUrl${i}`, message: { fr: 'Adresse du lien manquante.', en: 'Link address missing.' } }],
  );
  return {
    body: {
      name: values.name,
      title: values.title,
      organization: values.organization,
      bio: localized(values.bioFr, values.bioEn),
      links: values.links.filter((l) => l.url).map((l) => ({ url: l.url, ...(l.title ? { title: l.title } : {}) })),
      languages: values.languages,
    },
    errors,
  };
}
