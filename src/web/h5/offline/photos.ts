// The shrinking lives in common/ (the residents' report page uses it too).
export { maxPhotoBytes, maxPhotos, shrinkPhoto } from '../../common/photos';
