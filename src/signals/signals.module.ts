import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

/** The signals inbox (issue 19, item 3; ADR 40): the API; owns `signals`, `signal_preferences`. */
@Module({
  imports: [AuthModule],
  controllers: [SignalsController],
  providers: [SignalsService],
})
export class SignalsModule {}
