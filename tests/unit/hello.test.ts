import { expect, test } from 'vitest';
import { hello } from '#lib/sim/hello.ts';
test('hello', () => expect(hello(1)).toBe(2));
