// Says plainly, once per run, whether the Postgres-backed tests run.
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (url) {
    console.log(`\nPostgres-backed tests: ON (${url.replace(/\/\/[^@]*@/, '//***@')})`);
  } else {
    console.log(
      '\nPostgres-backed tests: SKIPPED (set TEST_DATABASE_URL=postgres://... to run them; .ci/run does). ' +
        'PGlite-backed tests run.',
    );
  }
}
