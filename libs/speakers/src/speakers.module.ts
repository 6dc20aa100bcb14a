import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Speaker } from './speakers/speaker.entity';
import { SpeakersService } from './speakers/speakers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Speaker])],
  providers: [SpeakersService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
