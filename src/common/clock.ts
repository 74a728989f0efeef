import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time Brug's rules read ("now" for SLA states, suspensions, extensions and breaches), in
 * one injectable place: a test that needs a fixed date (a suspension on a Friday before King's
 * Day) replaces `now` on the app's instance (`jest.spyOn(app.get(Clock), 'now')`) instead of
 * faking the process's timers, which BullMQ, pg and Nest need to keep running.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
