import type { DataSource } from 'typeorm';
import { checkText, checkUsername, isAllianceCode, LIMITS } from '@alliance/shared';
import { checkNewPassword, hashPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { CATEGORIES, gridName } from './standard.js';
import { Alliance } from './alliance.entity.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

export interface BootstrapOptions {
  name: string;
  regionName: string;
  grids: number;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  /** The residents' page's address, /r/<code>; none: no public page until one is given. */
  code?: string | null;
}

/**
 * A new alliance for a real community: the three shelf categories, its grids
 * and its first committee account. How a production install begins.
 */
export async function bootstrapAlliance(dataSource: DataSource, o: BootstrapOptions): Promise<{ allianceId: string }> {
  const problems = [
    ['name', checkText(o.name, { max: LIMITS.name, required: true })],
    ['region', checkText(o.regionName, { max: 200, required: true })],
    ['admin', checkUsername(o.adminUsername)],
    ['display-name', checkText(o.adminDisplayName, { max: LIMITS.personName, required: true })],
    ['code', o.code == null || isAllianceCode(o.code) ? null : 'INVALID_FORMAT'],
    ['grids', Number.isInteger(o.grids) && o.grids >= 1 && o.grids <= 50 ? null : 'OUT_OF_RANGE'],
    // The committee's rules, and production's: never the demo password (docs/adoption.md: Accounts).
    ['ADMIN_PASSWORD', checkNewPassword(o.adminPassword, o.adminUsername, 'COMMITTEE_ADMIN', true)],
  ].filter(([, p]) => p);
  if (problems.length) throw new Error(`bootstrap: ${problems.map(([f, p]) => `${f}: ${p}`).join('; ')}`);

  const passwordHash = await hashPassword(o.adminPassword);
  return dataSource.transaction(async (m) => {
    if (await m.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:name)', { name: o.adminUsername }).getExists()) throw new Error(`bootstrap: user ${o.adminUsername} already exists`);
    const alliance = await m.save(m.create(Alliance, { name: o.name, regionName: o.regionName, code: o.code ?? null }));
    await m.insert(
      ServiceCategory,
      CATEGORIES.map((c, i) => ({ allianceId: alliance.id, code: c.code, name: c.name, sortOrder: i })),
    );
    await m.insert(
      Grid,
      Array.from({ length: o.grids }, (_, i) => ({ allianceId: alliance.id, name: gridName(i), branchName: `${gridName(i)}党支部`, sortOrder: i })),
    );
    await m.insert(User, {
      allianceId: alliance.id,
      username: o.adminUsername,
      passwordHash,
      displayName: o.adminDisplayName,
      role: 'COMMITTEE_ADMIN',
    });
    return { allianceId: alliance.id };
  });
}
