import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MaxPasswordBytes } from 'src/core/auth/password';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.loctelli.test' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @MinLength(1)
  @MaxPasswordBytes()
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxPasswordBytes()
  currentPassword!: string;

  @ApiProperty({ minLength: 8, description: 'At most 72 bytes in UTF-8 (bcrypt ignores the rest)' })
  @IsString()
  @MinLength(8)
  @MaxPasswordBytes()
  newPassword!: string;
}

export class StreamTicketDto {
  @ApiProperty({ description: 'Pass as ?ticket= when opening an event stream; good once' }) ticket!: string;
  @ApiProperty({ description: 'Seconds the ticket stays valid' }) expiresIn!: number;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
}

export class SubAccountSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() defaultCountry!: string;
}

export class MeDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['admin', 'user'] }) kind!: 'admin' | 'user';
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['super_admin', 'admin', 'user', 'manager'] }) role!: string;
  @ApiProperty({ type: Number, nullable: true }) subAccountId!: number | null;
  @ApiProperty({ type: [SubAccountSummaryDto] }) subAccounts!: SubAccountSummaryDto[];
}

export class TokensDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: MeDto }) user!: MeDto;
}
