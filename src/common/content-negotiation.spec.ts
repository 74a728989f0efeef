import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces } from '@nestjs/swagger';
import { producedTypes } from './content-negotiation';

@Controller()
class Example {
  @Get('csv')
  @ApiProduces('application/json', 'text/csv')
  csv(): void {}

  @Get('json')
  json(): void {}
}

describe('producedTypes', () => {
  const reflector = new Reflector();

  it('reads what @ApiProduces declares (the key @nestjs/swagger keeps it under)', () => {
    expect(producedTypes(reflector, [Example.prototype.csv, Example])).toEqual([
      'application/json',
      'text/csv',
    ]);
  });

  it('is JSON for a route that declares nothing', () => {
    expect(producedTypes(reflector, [Example.prototype.json, Example])).toEqual([
      'application/json',
    ]);
  });
});
