require('./missing-from-nested');
