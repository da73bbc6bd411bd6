import base from './vite.config.ts';
import { writeFileSync } from 'node:fs';
let out: Record<string, any> = {};
export default {
	...base,
	plugins: [
		...(base.plugins ?? []),
		{
			name: 'analyze',
			apply: 'build',
			generateBundle(this: any, _o: unknown, bundle: Record<string, any>) {
				for (const [name, c] of Object.entries(bundle)) {
					if (c.type !== 'chunk') continue;
					out[name] = {
						facade: c.facadeModuleId,
						imports: c.imports,
						dyn: c.dynamicImports,
						modules: Object.fromEntries(
							Object.entries(c.modules).map(([m, i]: [string, any]) => [m, i.renderedLength])
						)
					};
				}
				writeFileSync((process.env.ANALYZE_OUT ?? '/tmp/analyze') + '.' + ((this as any).environment?.name ?? 'x') + '.' + Date.now() + '.json', JSON.stringify(out)); out = {};
			}
		}
	]
};
