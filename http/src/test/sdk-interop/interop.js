// Drives the roleusage facade with SailPoint's official TypeScript SDK (sailpoint-api-client).
// Usage: node interop.js <baseUrl> <resultFile> <potentialRoleId> <sourceId>
// Run by dev.roleusage.http.SdkInteropTest; writes its findings as JSON to <resultFile>
// (stdout is left to the SDK, which logs every page it fetches).
'use strict';
const fs = require('fs');
const { Configuration, IAIRoleMiningV2024Api, Paginator } = require('sailpoint-api-client');

async function main() {
  const [baseurl, resultFile, potentialRoleId, sourceId] = process.argv.slice(2);
  // A dummy bearer token: the Java test's authenticator accepts exactly this one.
  const config = new Configuration({ baseurl, accessToken: 'interop-token' });
  config.experimental = true;            // the SDK refuses experimental APIs without it
  config.baseOptions = { proxy: false }; // never send 127.0.0.1 through an environment proxy
  const api = new IAIRoleMiningV2024Api(config);
  const result = {};

  // 1. Page the whole role with the SDK's paginator (250 per page until a short page).
  const pages = [];
  const paged = await Paginator.paginate(api, async function (args) {
    const response = await this.getPotentialRoleSourceIdentityUsage(args);
    pages.push({ offset: args.offset, limit: args.limit, status: response.status, rows: response.data.length,
      url: response.config.url });
    return response;
  }, { potentialRoleId, sourceId, sorters: '-usageCount' }, 250);
  result.pages = pages;
  result.ids = paged.data.map((row) => row.id);
  result.firstRow = paged.data[0];
  result.keysOfEveryRow = [...new Set(paged.data.map((row) => Object.keys(row).join(',')))];

  // 2. The total, from X-Total-Count.
  const counted = await api.getPotentialRoleSourceIdentityUsage({ potentialRoleId, sourceId, count: true, limit: 1 });
  result.totalHeader = counted.headers['x-total-count'];
  result.countedContentType = counted.headers['content-type'];

  // 3. A bad sorter: a 400 whose body the SDK hands back parsed as an ErrorResponseDto.
  try {
    await api.getPotentialRoleSourceIdentityUsage({ potentialRoleId, sourceId, sorters: 'name' });
    result.badSorter = { status: 'no error' };
  } catch (error) {
    const data = error.response && error.response.data;
    result.badSorter = {
      status: error.response ? error.response.status : String(error),
      detailCode: data && data.detailCode,
      trackingId: data && data.trackingId,
      messages: data && data.messages,
      causes: data && data.causes,
    };
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

main().catch((error) => {
  console.error('interop script failed:', error && error.stack ? error.stack : error);
  process.exit(1);
});
