export default 'lib/ok.mjs loaded';
