// 居民议事 · publicPage (issue 17): the messages of this area's phone pages, under decide.publicPage.
export default {};
