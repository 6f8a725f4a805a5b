// 居民议事 · supervisors (issue 17): the messages of this area's console pages, under decide.supervisors.
export default {};
