/**
 * Prism's example generator (used only for `Prefer: dynamic=true`) imports `@faker-js/faker`, whose
 * main entry loads every one of faker's locales: about 44 MB and 165 ms of the mock's start-up,
 * measured here. Prism only uses the English data, so for imports made by Prism's own modules this
 * resolve hook hands out faker's English-only entry instead. Nobody else's faker import is touched.
 * Imported for its effect, first thing in index.ts, before Prism is loaded.
 *
 * `module.registerHooks` came with Node 22.15 and 23.5; on older Node the mock runs with faker's full
 * entry (slower start, more memory), which is why the namespace import and the check.
 */
import * as nodeModule from 'node:module';

nodeModule.registerHooks?.({
    resolve(specifier, context, nextResolve) {
      if (specifier === '@faker-js/faker' && context.parentURL?.includes('/@stoplight/prism-http/')) {
        return nextResolve('@faker-js/faker/locale/en', context);
      }
      return nextResolve(specifier, context);
    },
});
