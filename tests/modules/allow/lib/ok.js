module.exports = 'lib/ok.js loaded';
