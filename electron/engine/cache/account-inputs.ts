import { z } from 'zod';
import { DEFAULT_ACCOUNT_SETTINGS, QUOTA_PROFILE_SETTINGS, SYNC_STATES } from '../../../shared/domain.ts';

/** An addr-spec, normalised to lower case; shape only, the mail model decides the finer rules. */
export const addressSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'an address looks like name@example.com')
  .transform((address) => address.toLowerCase());

export const accountProviderSchema = z.enum(['gmail', 'import', 'demo']);

const workingHoursSchema = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).max(7),
    startMinute: z.number().int().min(0).max(1440),
    endMinute: z.number().int().min(0).max(1440),
  })
  .refine((hours) => hours.startMinute < hours.endMinute, {
    message: 'working hours must start before they end',
  })
  .refine((hours) => new Set(hours.days).size === hours.days.length, {
    message: 'each weekday at most once',
  });

export const settingsSchema = z.strictObject({
  quotaProfile: z.enum(QUOTA_PROFILE_SETTINGS),
  includeSpamTrash: z.boolean(),
  keepRawData: z.boolean(),
  workingHours: workingHoursSchema,
});

export const settingsPatchSchema = settingsSchema.partial();

export const createAccountSchema = z.strictObject({
  address: addressSchema,
  provider: accountProviderSchema,
  identities: z.array(addressSchema).max(100).optional(),
  settings: settingsPatchSchema.optional(),
});

export const syncStateSchema = z.enum(SYNC_STATES);
export const historyIdSchema = z.string().min(1).max(64).nullable();
export const mailboxTotalSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
export const timestampSchema = z.number().int().min(0).max(8.64e15);

export const DEFAULT_SETTINGS_JSON = JSON.stringify(DEFAULT_ACCOUNT_SETTINGS);
