/** The account `clickhouse` cases read with: from the environment only, never from the repository. */
export function clickhouseAccount(env: Record<string, string | undefined>): { user?: string; password?: string } {
  return {
    ...(env['CASEFILE_CLICKHOUSE_USER'] ? { user: env['CASEFILE_CLICKHOUSE_USER'] } : {}),
    ...(env['CASEFILE_CLICKHOUSE_PASSWORD'] ? { password: env['CASEFILE_CLICKHOUSE_PASSWORD'] } : {}),
  };
}
