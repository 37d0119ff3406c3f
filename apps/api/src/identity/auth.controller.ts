import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, type InvitationAnswer, type Me, type SignInResult } from '@podium/contracts';
import { safeNextPath } from '@podium/identity';
import { DataSource } from 'typeorm';
import { Access } from './access.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { CreateInvitationDto, GuestSignInDto, RedeemInvitationDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';
import { CurrentAccess, type AccessContext } from './principal';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly db: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  @Post('api/auth/redeem')
  @HttpCode(200)
  @Access.public()
  @RateLimit('redeem')
  @ApiOperation({ summary: 'Exchange the secret of a sign-in link for a session token' })
  async redeem(@Body() body: RedeemInvitationDto): Promise<SignInResult> {
    const { token, person } = await this.identity.redeem(body.token);
    return { token, person: { id: person.id, displayName: person.displayName } };
  }

  /** The link printed in the log and sent to people: signs the browser in and opens the app. */
  @Get('signin/:token')
  @Access.public()
  @RateLimit('redeem')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async signInLink(@Param('token') token: string, @Query('next') next: unknown, @Req() req: Request, @Res() res: Response) {
    const wantsJson = req.accepts(['html', 'json']) === 'json';
    let redeemed: Awaited<ReturnType<IdentityService['redeem']>>;
    try {
      redeemed = await this.identity.redeem(token);
    } catch (error) {
      // A person clicking a dead link (a browser asks for text/html) gets a page saying what to do; other clients get JSON.
      const browser = !wantsJson && /text\/html/.test(req.get('accept') ?? '');
      if (!browser || !(error instanceof DomainError) || error.code !== 'UNAUTHENTICATED') throw error;
      const expired = error.details?.link === 'expired';
      res.status(expired ? 410 : 401).type('html').send(deadLinkPage(expired));
      return;
    }
    const { token: session, person } = redeemed;
    if (wantsJson) {
      res.json({ token: session, person: { id: person.id, displayName: person.displayName } });
      return;
    }
    // The session token goes to the browser's storage, never into a URL that a server would log.
    const payload = JSON.stringify({ token: session, displayName: person.displayName }).replace(/</g, '\\u003c');
    res
      .status(200)
      .type('html')
      .send(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Podium: Anmeldung</title></head>` +
          // `?next=` (a same-site path only) is where the script continues, so a link for a page opens that page.
          `<body><p>Angemeldet als ${escapeHtml(person.displayName)}. Weiter zu <a id="podium-next" href="${escapeHtml(safeNextPath(next))}">Podium</a>.</p>` +
          `<script type="application/json" id="podium-signin">${payload}</script><script src="/api/auth/signin.js"></script></body></html>`,
      );
  }

  @Post('api/conferences/:slug/guests')
  @HttpCode(201)
  @Access.public()
  @RateLimit('guestAnyConference')
  @ApiOperation({ summary: 'Join a conference as a guest with a display name, where the conference allows it' })
  async guest(@Param('slug') slug: string, @Body() body: GuestSignInDto, @Req() req: Request): Promise<SignInResult> {
    const [conference]: { id: string; published: boolean; allowGuests: boolean }[] = await this.db.query(
      `SELECT id, published, allow_guests AS "allowGuests" FROM conference WHERE slug = $1`,
      [slug],
    );
    // An unpublished conference answers exactly like a missing one: its existence stays hidden.
    if (!conference || !conference.published) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    // Budgeted per address and conference: one venue's hall does not use up another conference's.
    await this.limiter.consume('guest', { address: `${req.ip ?? 'unknown'} ${conference.id}` });
    if (!conference.allowGuests) throw new DomainError('FORBIDDEN', 'This conference does not admit guests; please use your invitation link');
    const { token, person } = await this.identity.signInGuest(conference.id, body.displayName);
    return { token, person: { id: person.id, displayName: person.displayName, guest: true } };
  }

  @Get('api/auth/me')
  @Access.signedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I, with my roles' })
  me(@CurrentAccess() access: AccessContext): Promise<Me> {
    return this.identity.describe(access.principal!.personId);
  }

  @Post('api/conferences/:slug/invitations')
  @HttpCode(201)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Invite a person with a role; returns their sign-in link' })
  async invite(@Body() body: CreateInvitationDto, @CurrentAccess() access: AccessContext): Promise<InvitationAnswer> {
    const issued = await this.identity.invite({ ...body, conferenceId: access.conferenceId, createdBy: access.principal!.personId });
    return { ...issued, expiresAt: issued.expiresAt.toISOString() }; // what JSON made of the Date, typed as the wire carries it
  }

  @Delete('api/conferences/:slug/invitations/:id')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a sign-in link; sessions made from it end at once' })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentAccess() access: AccessContext) {
    await this.identity.revokeInvitation(id, access.conferenceId);
  }
}

function deadLinkPage(expired: boolean): string {
  const de = expired ? 'Dieser Anmeldelink ist abgelaufen.' : 'Dieser Anmeldelink ist ungültig oder wurde zurückgezogen.';
  const en = expired ? 'This sign-in link has expired.' : 'This sign-in link is not valid or has been withdrawn.';
  return (
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Podium: Anmeldung nicht möglich</title></head><body>` +
    `<h1>Anmeldung nicht möglich</h1><p>${de} Bitte das Organisationsteam der Konferenz um einen neuen Link bitten.</p>` +
    `<h2 lang="en">Cannot sign in</h2><p lang="en">${en} Please ask the conference organisers for a new link.</p>` +
    `<p><a href="/">Podium</a></p></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
