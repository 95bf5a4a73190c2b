import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository } from './login-attempts.repository';

@Module({
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, LoginAttemptsRepository],
})
export class AuthModule {}
