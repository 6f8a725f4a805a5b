/** The channels staff register from the console: a phone call, a visit to the counter. */
export const intakeChannels = ['hotline', 'walkIn'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

export const priorities = ['normal', 'urgent'] as const;

/** A mainland mobile or a landline with area code (the server normalises and checks again). */
export const phonePattern = /^(?:\+?86)?(?:1\d{10}|0\d{2,3}-?\d{7,8})$/;

export const emptyIntake = () => ({
  channel: 'hotline' as IntakeChannel,
  placeCode: '',
  address: '',
  categoryCode: '',
  priority: 'normal' as (typeof priorities)[number],
  description: '',
  reporterName: '',
  reporterPhone: '',
  photoIds: [] as string[],
});
