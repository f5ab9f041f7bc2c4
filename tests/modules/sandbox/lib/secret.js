console.log('SECRET LOADED'); module.exports = 'secret';
