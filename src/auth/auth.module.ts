import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ActorCache } from './actor-cache';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SecondFactorThrottle } from './second-factor-throttle';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorService } from './second-factor.service';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { IdentityMappingsController } from './oidc/identity-mappings.controller';
import { IdentityMappingsService } from './oidc/identity-mappings.service';
import { OidcClients } from './oidc/oidc-clients';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { OidcController } from './oidc/oidc.controller';
import { EndSessionLinks } from './sessions/end-session-links';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

@Module({
  imports: [CatalogueModule],
  controllers: [
    AuthController,
    UsersController,
    SecondFactorController,
    ApiClientsController,
    SessionsController,
    OidcController,
    IdentityMappingsController,
  ],
  providers: [
    ActorCache,
    AuthService,
    UsersService,
    PasswordHasher,
    TokenService,
    SignInThrottle,
    SecondFactorService,
    SecondFactorThrottle,
    ApiClientsService,
    SessionsService,
    OidcClients,
    EndSessionLinks,
    IdentityMappingsService,
    OidcSignInService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersService, SessionsService, ActorCache],
})
export class AuthModule {}
