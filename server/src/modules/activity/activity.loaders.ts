import { byIdLoader, statusGroupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { Activity } from './activity.entity.js';
import { Signup } from './signup.entity.js';

export function createActivityLoaders(scope: TenantScope) {
  return {
    activity: byIdLoader(scope, Activity),
    /** An activity's sign-ups, oldest first (created_at, id), optionally of one status. */
    signupsOfActivity: statusGroupLoader(scope, Signup, 'activity_id', 'e.created_at, e.id'),
    /** The shelf projects an activity delivers (activity_project), by title. */
    activityProjects: throughJoinLoader(scope, ShelfProject, {
      table: 'activity_project',
      rowColumn: 'shelf_project_id',
      keyColumn: 'activity_id',
      orderBy: 'e.title, e.id',
    }),
    /** The needs an activity addresses (activity_need), newest report first. */
    activityNeeds: throughJoinLoader(scope, Need, {
      table: 'activity_need',
      rowColumn: 'need_id',
      keyColumn: 'activity_id',
      orderBy: 'e.reported_at DESC, e.id DESC',
    }),
  };
}
