import { registerEnumType } from 'type-graphql';
import {
  ActivityKind,
  ActivityStatus,
  NeedStatus,
  Role,
  ShelfStatus,
  SignupStatus,
  UnitKind,
  UnitStatus,
} from '@alliance/shared';

// The enums come from @alliance/shared, so the web and the server cannot drift.
registerEnumType(Role, { name: 'Role' });
registerEnumType(UnitKind, { name: 'UnitKind' });
registerEnumType(UnitStatus, { name: 'UnitStatus' });
registerEnumType(ShelfStatus, { name: 'ShelfStatus' });
registerEnumType(NeedStatus, { name: 'NeedStatus' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(SignupStatus, { name: 'SignupStatus' });

export { ActivityKind, ActivityStatus, NeedStatus, Role, ShelfStatus, SignupStatus, UnitKind, UnitStatus };
