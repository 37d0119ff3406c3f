import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Access } from './access.decorator';

/** Stores the session that the sign-in page carries in its JSON data block, then opens the page the link was for. */
export const SIGNIN_SCRIPT =
  "localStorage.setItem('podium.session', document.getElementById('podium-signin').textContent);\n" +
  // The page's link holds the checked `next` path (the server allows same-site paths only).
  "var next = document.getElementById('podium-next');\nlocation.replace(next ? next.getAttribute('href') : '/');\n";

/** The sign-in page's script as a file: the CSP allows scripts from 'self' only, no inline ones. */
@Controller()
export class SigninScriptController {
  @Get('api/auth/signin.js')
  @Access.public()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  script(): string {
    return SIGNIN_SCRIPT;
  }
}
