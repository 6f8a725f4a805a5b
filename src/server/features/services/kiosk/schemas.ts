import { z } from '@hono/zod-openapi';
import { formDefinitionSchema } from '../../../../shared/service-forms.js';
import { TakenTicketSchema } from '../hall/schemas.js';

// 自助终端: what the kiosk sends and gets. Nothing it gets holds a full ID number; the registry's
// values it shows are masked, and the full ones go only into the printed form.

const idNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, '18 characters: 17 digits and a digit or X');
const choice = { itemId: z.uuid().optional(), bundleId: z.uuid().optional() };

export const KioskLookupInput = z.object({ idNumber });
export const KioskTicketInput = z.object(choice);
export const KioskServiceParams = z.object({ kind: z.enum(['items', 'bundles']), id: z.uuid() });
export const KioskPrintInput = z.object({
  idNumber,
  ...choice,
  /** What the person filled in; registry fields are filled by the server. */
  answers: z.record(z.string().max(80), z.unknown()).default({}),
  ticketId: z.uuid().optional(),
});

export const KioskMeSchema = z.object({ kioskName: z.string(), hallName: z.string() });

export const KioskPersonSchema = z.object({
  nameMasked: z.string(),
  /** Registry values as the screen shows them (masked where personal); the keys are prefill keys. */
  shown: z.record(z.string(), z.string()),
  /** The prefill keys the kiosk fills (name, ID number, gender, birth date): the form does not ask for them.
   * Phone, address and household are never given: written by hand on the printed form or at the window. */
  prefilled: z.array(z.string()),
});

export const KioskCatalogueSchema = z.object({
  categories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      items: z.array(z.object({ id: z.string(), name: z.string(), summary: z.string() })),
    }),
  ),
  bundles: z.array(
    z.object({
      id: z.string(),
      className: z.string(),
      name: z.string(),
      summary: z.string(),
      itemIds: z.array(z.string()),
    }),
  ),
});

export const KioskServiceSchema = z.object({
  id: z.string(),
  kind: z.enum(['items', 'bundles']),
  name: z.string(),
  form: formDefinitionSchema,
  materials: z.array(
    z.object({ key: z.string(), name: z.string(), required: z.boolean(), original: z.boolean(), copies: z.number() }),
  ),
});

export const KioskTicketSchema = TakenTicketSchema;
