import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { BOARD_COOKIE, BOARD_PATH } from './queue-board';
import { Roles } from '../../auth/decorators';
import { ApiResult } from '../../common/openapi-decorators';
import {
  type HttpRequest,
  type HttpResponse,
  requestProtocol,
  setCookie,
} from '../../common/http-exchange';

/** The queue dashboard's session (admin): a cookie that opens /admin/queues in this browser. */
@ApiTags('Administration')
@Controller('admin/queue-board')
@Roles('admin')
export class QueueBoardController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('session')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Open the queue dashboard in this browser: sets an HttpOnly cookie for /admin/queues (a bearer token’s; a web session’s cookie opens it already)',
  })
  @ApiResult(undefined, 204)
  session(@Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): void {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    // Signed in by the web session's cookie: that cookie already opens the board.
    if (!token) return;
    setCookie(response, BOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      // Secure whenever people reach Brug over https (PUBLIC_URL), or this request came so.
      secure: this.config.publicUrl.startsWith('https:') || requestProtocol(request) === 'https',
      path: BOARD_PATH,
      maxAge: this.config.jwtTtlSeconds,
      expires: new Date(Date.now() + this.config.jwtTtlSeconds * 1000),
    });
  }
}
