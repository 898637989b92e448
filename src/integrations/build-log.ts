// Build concern: the build's progress line (scripts/build.mjs, src/lib/build-log.ts). Astro prints a
// line per page but never how many there will be; this integration wraps Astro's prerenderer so that,
// once Astro has listed the paths of every route, it prints their number (pageTotalLine), which
// scripts/build.mjs reads to show "pages done of total" and the time left. Rendering is Astro's own:
// every call goes to the default prerenderer unchanged.
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { BUILD_LOG_LABEL, pageTotalLine } from '../lib/build-log.ts';

export default function buildLog(): AstroIntegration {
  return {
    name: BUILD_LOG_LABEL,
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro: AstroPrerenderer): AstroPrerenderer => {
          const wrapped: AstroPrerenderer = {
            name: `${astro.name}+${BUILD_LOG_LABEL}`,
            getStaticPaths: async () => {
              const paths = await astro.getStaticPaths();
              // Astro generates each path once (generate.js drops a second route for the same path)
              const unique = new Set(paths.map((p) => p.pathname.replace(/\/+$/, '')));
              logger.info(pageTotalLine(unique.size));
              return paths;
            },
            render: (request, options) => astro.render(request, options),
          };
          if (astro.setup) wrapped.setup = () => astro.setup!();
          if (astro.teardown) wrapped.teardown = () => astro.teardown!();
          if (astro.collectStaticImages) wrapped.collectStaticImages = () => astro.collectStaticImages!();
          return wrapped;
        });
      },
    },
  };
}
