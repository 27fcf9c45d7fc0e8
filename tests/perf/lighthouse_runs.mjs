// Lighthouse on several pages, one after the other, in one node process and one
// Chrome (tests/perf/lighthouse.py starts it). Lighthouse's CLI started both
// for every page: about 2.5 s of CPU each, a third of a run on a 2-core machine.
//
// usage: node lighthouse_runs.mjs NODE_MODULES < plan.json
// plan: {chromePath, chromeFlags, flags, attempts, runs: [{url, outputPath}]}.
// Each run writes OUTPUTPATH.report.json and .report.html, as the CLI's
// --output-path does. A run that records no page load (NO_NAVSTART,
// PROTOCOL_TIMEOUT: Lighthouse's runtimeError, for which the CLI exits with an
// error) is tried again, up to `attempts` times; the exit status counts the
// runs that never recorded one.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const nodeModules = process.argv[2];
const load = (path) => import(pathToFileURL(join(nodeModules, path)).href);
// chrome-launcher is what Lighthouse's CLI starts Chrome with (its dependency,
// pinned in .ci/node/package-lock.json), so Chrome gets the same default flags.
const { default: lighthouse } = await load("lighthouse/core/index.js");
const { launch } = await load("chrome-launcher/dist/index.js");

const plan = JSON.parse(readFileSync(0, "utf8"));
const chrome = await launch({
  chromePath: plan.chromePath,
  chromeFlags: plan.chromeFlags,
});

async function measure(url) {
  const result = await lighthouse(url, { ...plan.flags, port: chrome.port });
  if (!result || result.lhr.runtimeError) {
    throw new Error(result ? result.lhr.runtimeError.code : "no result");
  }
  return result.report;
}

let failed = 0;
try {
  for (const run of plan.runs) {
    let reports = null;
    for (let attempt = 1; attempt <= plan.attempts && !reports; attempt++) {
      try {
        reports = await measure(run.url);
      } catch (error) {
        console.log(
          `${run.url}: Lighthouse recorded no page load (attempt ${attempt}: ${error.message})`,
        );
      }
    }
    if (!reports) {
      failed += 1;
      continue;
    }
    const [json, html] = reports;
    writeFileSync(`${run.outputPath}.report.json`, json);
    writeFileSync(`${run.outputPath}.report.html`, html);
  }
} finally {
  await chrome.kill();
}
process.exitCode = Math.min(failed, 100);
