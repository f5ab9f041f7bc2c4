console.log('OTHER LOADED'); export default 'no';
