/**
 * What an entry's front matter may hold, checked with zod: the reader's definition, and the
 * one published for editors (src/core/schemas/), from the same fields.
 */
import * as z from 'zod';
import { PRIORITIES } from '../model.ts';
import { boolean, id, identifierList, list, oneOf, text } from './fields.ts';

export const entrySchema = z.object({
  id: id.optional(),
  title: text,
  type: text,
  modules: identifierList(text, 1),
  tags: list(text).optional(),
  breaking: boolean.optional(),
  data: text.optional(),
  action: text.optional(),
  tickets: identifierList(text).optional(),
  editions: identifierList(text).optional(),
  supersedes: identifierList(text).optional(),
  verify: list(z.unknown()).optional(),
});

export const verifyItemSchema = z.object({
  id: id.optional(),
  step: text,
  expect: text.optional(),
  priority: oneOf(PRIORITIES).optional(),
  menu: text.optional(),
  setup: text.optional(),
});

/**
 * An entry's front matter as a whole, for editors (src/core/schemas/): each `verify` item,
 * a step or a mapping, is checked on its own (see `frontMatterItems`), with the same definition.
 */
export const entryFrontMatterSchema = entrySchema.extend({
  verify: list(z.union([text, verifyItemSchema])).optional(),
});
