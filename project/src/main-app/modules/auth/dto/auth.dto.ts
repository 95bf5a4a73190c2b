import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.loctelli.test' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
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
