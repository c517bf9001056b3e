import { Field, ID, InputType } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { Role, UserStatus } from '../../graphql/enums.js';
import { Phone, Text, TextPatch } from '../../graphql/validation.js';

@InputType('CreateUserInput')
export class CreateUserInput {
  /** 3–32 characters of a-z 0-9 . _ -, unique, compared lowercase. */
  @Field(() => String)
  username: string;

  @Field(() => String)
  @Text({ max: LIMITS.personName, required: true })
  displayName: string;

  @Field(() => Role)
  role: Role;

  /** Required for UNIT_ADMIN, refused for the other roles. */
  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  /** Required for GRID_WORKER, refused for the other roles. */
  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => String, { nullable: true })
  @Phone({ optional: true })
  phone?: string | null;
}

/** A patch: absent fields stay as they are; `phone: null` clears the phone. */
@InputType('UpdateUserInput')
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.personName })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  @Phone({ optional: true })
  phone?: string | null;

  /** A new role ends the account's sessions; unit and grid must fit it. */
  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;
}

/** 账号管理's search form: every given field must match. */
@InputType('AccountFilter')
export class AccountFilter {
  /** Contained in the username or the display name. */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  /** The unit a liaison (UNIT_ADMIN) acts for. */
  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  /** The grid a grid worker serves. */
  @Field(() => ID, { nullable: true })
  gridId?: string | null;
}
