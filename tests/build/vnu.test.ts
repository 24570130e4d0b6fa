/** Every page of the built site passes the W3C Nu HTML checker with no error. */
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { nuErrors } from '../helpers/vnu.ts';

describe('the Nu HTML checker', () => {
  it('finds no error on any page of the built site', async () => {
    expect(await nuErrors(DIST)).toEqual([]);
  });
});
