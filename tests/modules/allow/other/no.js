console.log('OTHER LOADED'); module.exports = 'no';
