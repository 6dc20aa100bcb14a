import { Body, Controller, Get, Patch, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Actor, CurrentActor, RateLimit } from '@palabre/platform';
import { OwnProfileService, OwnSpeakerProfileResponse, toOwnSpeakerProfileResponse, UpdateOwnProfileDto } from '@palabre/speakers';
import { LangQueryDto } from '../common/query.dto';
import { photoBytes, PHOTO_LIMITS } from './photo-body';
import { ApiRoute } from '../common/api-route';

export class OwnProfileQueryDto extends LangQueryDto {
  /** The event's slug; needed only by a speaker of several events. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  event?: string;
}

/**
 * The signed-in speaker's own profile (`/api/v1/me/…`): found by their account, never by an
 * id, so no speaker reaches another's. A speaker of several events names one with `?event=`.
 */
@ApiTags('me')
@ApiBearerAuth()
@Controller('api/v1/me/speaker-profile')
export class MeSpeakerProfileController {
  constructor(private readonly profiles: OwnProfileService) {}

  @Get()
  @ApiRoute({
    summary: 'The signed-in speaker’s profile (public fields); `?event=` when they speak at several events',
    permission: 'signed-in',
    ok: OwnSpeakerProfileResponse,
    problems: [400, 404],
  })
  async get(@CurrentActor() actor: Actor, @Query() query: OwnProfileQueryDto) {
    return toOwnSpeakerProfileResponse(await this.profiles.get(actor.userId, query.event));
  }

  @Patch()
  @ApiRoute({
    summary: 'Edits the signed-in speaker’s profile: name, title, organization, bio, links, languages (the organizers see an audit entry)',
    permission: 'signed-in',
    ok: OwnSpeakerProfileResponse,
    problems: [400, 403, 404, 409],
  })
  async update(@CurrentActor() actor: Actor, @Query() query: OwnProfileQueryDto, @Body() dto: UpdateOwnProfileDto) {
    return toOwnSpeakerProfileResponse(await this.profiles.update(actor.userId, query.event, dto));
  }

  @Put('photo')
  @ApiRoute({
    summary: 'Replaces the photo: recognised by its content, resized to 96, 320 and 640 px (WebP and JPEG), metadata removed',
    permission: 'signed-in',
    ok: OwnSpeakerProfileResponse,
    problems: [400, 403, 404, 409, 413, 415, 429],
  })
  @RateLimit(...PHOTO_LIMITS)
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp', 'multipart/form-data')
  @ApiBody({
    description: 'The image itself (JPEG, PNG or WebP, 5 MB at most), or a form with the file in `photo`',
    schema: { type: 'string', format: 'binary' },
  })
  async photo(@CurrentActor() actor: Actor, @Query() query: OwnProfileQueryDto, @Req() req: FastifyRequest) {
    return toOwnSpeakerProfileResponse(await this.profiles.setPhoto(actor.userId, query.event, photoBytes(req.body)));
  }
}
