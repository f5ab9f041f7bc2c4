console.log('SECRET LOADED'); export default 'secret';
