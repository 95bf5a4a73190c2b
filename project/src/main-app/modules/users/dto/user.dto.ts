import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { MaxPasswordBytes } from 'src/core/auth/password';
import type { users } from 'src/core/database/schema';

const ROLES = ['user', 'manager'] as const;

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ minLength: 8, description: 'At most 72 bytes in UTF-8' })
  @IsString()
  @MinLength(8)
  @MaxPasswordBytes()
  password!: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: (typeof ROLES)[number];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** Another user's password (a manager resetting it); their sessions end. Your own: POST /api/auth/password. */
  @ApiPropertyOptional({ minLength: 8, description: 'At most 72 bytes in UTF-8' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxPasswordBytes()
  password?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: (typeof ROLES)[number];
  /** A disabled user cannot sign in, and their sessions end within seconds. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}

export class UserDto {
  @ApiProperty() id!: number;
  @ApiProperty() subAccountId!: number;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export const mapUser = (r: typeof users.$inferSelect): UserDto => ({
  id: r.id,
  subAccountId: r.subAccountId,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: r.disabledAt !== null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
